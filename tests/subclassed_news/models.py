"""A project's own news pages over the news mixins: filled in with the one-pattern work."""
