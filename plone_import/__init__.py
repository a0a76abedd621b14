"""Moves a Plone site's content, translations, files, forms and old URLs into Wagtail.

``manage.py import_plone SOURCE`` reads an export made by collective.exportimport (Plone 4
to 6) or plone.exportimport (Plone 6.1): a folder, a ZIP or a single JSON file.
"""
