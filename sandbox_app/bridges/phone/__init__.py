"""The [phone] bridge: the guards' phone page (server, enrolment, map)."""
