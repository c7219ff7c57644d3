"""The REST API: policies, tasks, units and progress reports, with the UI's permissions."""
