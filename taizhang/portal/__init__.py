"""The public portal (no login): published policies, tasks, indicators and the blue book (蓝皮书)."""
