"""Personal data protection: masking by role (this package), users, roles and the audit log."""
