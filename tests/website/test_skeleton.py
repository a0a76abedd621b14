def test_openapi_document_is_served(client, db):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Chamber website API"


def test_openapi_document_describes_the_forms_endpoints(client, db):
    paths = client.get("/api/openapi.json").json()["paths"]

    assert "get" in paths["/api/forms/{page_id}"]
    submissions = paths["/api/forms/{page_id}/submissions"]["post"]
    # A client learns from the document which refusals to expect, not only success.
    assert {"201", "400", "404", "413"} <= set(submissions["responses"])
