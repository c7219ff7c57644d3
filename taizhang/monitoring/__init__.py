"""Monitoring: dashboards, scorecards (绩效考核) and indicators (指标监测)."""
