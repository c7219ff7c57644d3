"""taizhang (台账): a district's business-environment policies as accountable, supervised work."""

__version__ = "0.1.0"
