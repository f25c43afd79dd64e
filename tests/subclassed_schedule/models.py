"""A project's own schedule pages over the schedule mixins: filled in with the one-pattern work."""
