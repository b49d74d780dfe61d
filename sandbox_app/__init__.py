"""数字沙盘 Digital Sandbox core: domain, data, store, engine. Never imports Qt, pyqtgraph or VTK."""
