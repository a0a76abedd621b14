from django.apps import AppConfig


class SiteAppConfig(AppConfig):
    """The site's own app: beside the plugins' purposes it ships one of its own in
    ``default_purposes.json``, stated by the site itself (``"system": true``), as the README
    tells a site to mark its logs and proofs."""

    name = "tests.standalone.siteapp"
    label = "standalone_siteapp"
