#!/usr/bin/python3
"""An application's HTTP API for the api collector's live test, on every interface:

  web_api_server.py PORT open     serves its OpenAPI document to anyone at /openapi.json and
                                  echoes any Origin with credentials allowed (CORS)
  web_api_server.py PORT closed   asks for credentials everywhere, no CORS headers

The document is the OpenAPI Initiative's "Swagger Petstore" example (OpenAPI 3.0,
github.com/OAI/OpenAPI-Specification, examples/v3.0/petstore.json), cut to its paths.
"""
import http.server
import json
import sys

PETSTORE = {
    "openapi": "3.0.0",
    "info": {"version": "1.0.0", "title": "Swagger Petstore", "license": {"name": "MIT"}},
    "servers": [{"url": "http://petstore.swagger.io/v1"}],
    "paths": {
        "/pets": {"get": {"summary": "List all pets", "operationId": "listPets"},
                  "post": {"summary": "Create a pet", "operationId": "createPets"}},
        "/pets/{petId}": {"get": {"summary": "Info for a specific pet",
                                  "operationId": "showPetById"}},
    },
}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        open_api = sys.argv[2] == "open"
        if open_api and self.path == "/openapi.json":
            body, status = json.dumps(PETSTORE).encode(), 200
        elif open_api:
            body, status = b'{"error": "not found"}', 404
        else:
            body, status = b'{"error": "unauthorized"}', 401
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        origin = self.headers.get("Origin")
        if open_api and origin:
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Access-Control-Allow-Credentials", "true")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


http.server.HTTPServer(("0.0.0.0", int(sys.argv[1])), Handler).serve_forever()
