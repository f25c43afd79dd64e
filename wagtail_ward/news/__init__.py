"""News: articles with categories, feeds, print view and e-mail share."""
