"""[cad110] bridge: incident records handed off by the 110 接处警 system, as JSON over HTTP."""
