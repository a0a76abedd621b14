"""Every error answer of the project's API has one documented shape and a declared status."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/api/forms/abc"), ("post", "/api/forms/abc/submissions"), ("get", "/api/forms/1.5")],
)
def test_a_page_id_that_is_not_an_integer_is_a_400_with_errors_under_its_name(client, method, path):
    response = getattr(client, method)(path)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    errors = response.json()["errors"]
    assert list(errors) == ["page_id"]
    assert errors["page_id"] and all(isinstance(message, str) for message in errors["page_id"])


def test_a_missing_form_is_a_404_with_errors_and_detail(client):
    response = client.get("/api/forms/999999")

    assert response.status_code == 404
    body = response.json()
    assert body["errors"]["__all__"] == [body["detail"]]


def _operations(document):
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def test_every_operation_declares_the_400_a_bad_parameter_gets(client):
    document = client.get("/api/openapi.json").json()

    operations = dict(_operations(document))
    assert "GET /api/forms/{page_id}" in operations
    for name, operation in operations.items():
        if operation.get("parameters"):
            assert "400" in operation["responses"], name
            assert "422" not in operation["responses"], name


def test_every_declared_error_answer_has_an_errors_object(client):
    document = client.get("/api/openapi.json").json()
    schemas = document["components"]["schemas"]

    for name, operation in _operations(document):
        for status, answer in operation["responses"].items():
            if int(status) < 400:
                continue
            reference = answer["content"]["application/json"]["schema"]["$ref"]
            schema = schemas[reference.rsplit("/", 1)[-1]]
            assert "errors" in schema["required"], f"{name} {status}"
            assert schema["properties"]["errors"]["type"] == "object", f"{name} {status}"


def test_every_status_the_submission_endpoint_answers_is_declared(client):
    document = client.get("/api/openapi.json").json()

    responses = document["paths"]["/api/forms/{page_id}/submissions"]["post"]["responses"]
    assert set(responses) == {"201", "400", "403", "404", "409", "413", "429", "503"}
