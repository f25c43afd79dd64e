"""Opinion polls: presets, voting, results, the public and JSON views and the admin views.

A plain subpackage of the core app: the models are in ``wagtail_ward.models.polls``.
"""
