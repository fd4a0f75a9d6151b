"""Core: settings, the environment's configuration, root URLs, WSGI, the `litopys` command and roles."""
