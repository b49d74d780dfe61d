"""What the GPS tracker bridges share: frame errors, readers, the tracker bridge shell."""
