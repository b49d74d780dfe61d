"""The one pipeline: intake, the rule runner, the alert book, the bus and the clock."""
