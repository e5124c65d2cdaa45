"""Change events: publishing after commit, and fan-out to the subscribers of this process."""
