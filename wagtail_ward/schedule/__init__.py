"""Weekly work schedules (lịch công tác tuần): entries per day, iCal feeds, spreadsheet import."""
