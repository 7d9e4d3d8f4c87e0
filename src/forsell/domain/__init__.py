"""Value objects and rules of the till. Standard library only."""
