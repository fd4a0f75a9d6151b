"""Staff accounts: the two-step login (password, then a one-time code), enrolment, recovery codes, lockout."""
