"""Django system checks that name a misconfiguration at start-up."""
