"""The running station: live session, city link, wall director, start scene."""
