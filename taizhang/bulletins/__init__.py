"""Bulletins (通报): the periodic report sent to units, as .docx and .pdf."""
