"""Pages under each language prefix that careers e-mails link to."""

from django.urls import path

from .views import links

app_name = "careers"

urlpatterns = [
    path("withdraw/<str:token>/", links.withdraw, name="withdraw"),
    path("talent-pool/renew/<str:token>/", links.renew, name="renew"),
]
