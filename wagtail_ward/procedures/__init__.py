"""Administrative procedures (thủ tục hành chính): the national data model, filters, import."""
