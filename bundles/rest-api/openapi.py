#!/usr/bin/env python3
"""Writes src/main/resources/openapi.json. Edit here, run it, commit both; OpenApiIT checks the result against the
resources Karaf actually serves."""
import json

def ref(name): return {"$ref": "#/components/schemas/" + name}
def lst(item): return {"type": "object", "properties": {"data": {"type": "array", "items": item},
        "has_more": {"type": "boolean"}, "next_cursor": {"type": "string", "nullable": True}}}
def body(schema, types=("application/json",)): return {"required": True, "content": {t: {"schema": schema} for t in types}}
def ok(schema, code="200", desc="OK", ctype="application/json"):
    return {code: {"description": desc, "content": {ctype: {"schema": schema}}}}
ERR = {c: {"$ref": "#/components/responses/Problem"} for c in ("400", "401", "403", "404", "422", "429")}
def op(summary, responses, params=(), request=None, security=True, tags=()):
    o = {"summary": summary, "parameters": [{"$ref": "#/components/parameters/" + p} for p in params],
         "responses": {**responses, **(ERR if security else {})}}
    if request: o["requestBody"] = request
    if not security: o["security"] = []
    if tags: o["tags"] = list(tags)
    return o
def q(name, desc, schema=None): return {"name": name, "in": "query", "required": False, "description": desc,
        "schema": schema or {"type": "string"}}
S = {"type": "string"}

customer_in = {"type": "object", "required": ["first_name"], "properties": {
    "first_name": S, "last_name": S, "name": {"type": "string", "description": "split at the last space when first_name is absent"},
    "email": S, "phone": S, "company": S, "location": {"type": "string", "description": "slug or UUID"},
    "signed_up_at": {"type": "string", "description": "YYYY-MM-DD (00:00 UTC) or ISO 8601; missing = now"},
    "has_subscription": {"type": "boolean"}, "unsubscribed_at": S, "external_id": S, "source": S}}
form = lambda s: {"required": True, "content": {"application/json": {"schema": s},
        "application/x-www-form-urlencoded": {"schema": s}}}

doc = {
 "openapi": "3.0.3",
 "info": {"title": "BewertungsBox REST API", "version": "1.0.0",
          "description": "Customers, charges and imports of BewertungsBox projects. JSON with snake_case fields; errors are application/problem+json (RFC 9457)."},
 "servers": [{"url": "/api/v1"}],
 "security": [{"apiKey": []}, {"admin": []}],
 "paths": {
  "/health": {"get": op("Health: database and installed importers", ok(ref("Health")) | {"503": {"description": "database down"}}, security=False)},
  "/openapi.json": {"get": op("This document", ok({"type": "object"}), security=False)},
  "/projects": {
    "post": op("Create a project with a first API key (administrators)", ok(ref("CreatedProject"), "201", "Created"),
               request=body({"type": "object", "required": ["name"], "properties": {"name": S}})),
    "get": op("List projects with their customer counts (administrators)", ok(lst(ref("Project"))))},
  "/projects/{id}/api-keys": {
    "post": op("Create an API key, shown once (administrators)", ok(ref("CreatedApiKey"), "201", "Created"),
               ["path_id"], request={"required": False, "content": {"application/json": {"schema": {"type": "object", "properties": {"label": S}}}}}),
    "get": op("List a project's API keys, without secrets (administrators)", ok(lst(ref("ApiKey"))), ["path_id"])},
  "/projects/{id}/api-keys/{keyId}": {
    "delete": op("Revoke an API key (administrators)", {"204": {"description": "revoked"}}, ["path_id", "path_key_id"])},
  "/me": {"get": op("The key's project (connector auth test)", ok(ref("Me")), ["project"])},
  "/locations": {
    "get": op("List locations", ok(lst(ref("Location"))), ["project"]),
    "post": op("Add a location", ok(ref("Location"), "201", "Created"), ["project"],
               body({"type": "object", "required": ["slug", "name"], "properties": {"slug": S, "name": S, "review_url": S}}))},
  "/customers": {
    "post": op("Create or update one customer (object) or up to 10,000 (array)",
               {"201": {"description": "created", "content": {"application/json": {"schema": ref("Customer")}}},
                "200": {"description": "updated or unchanged (single), or the batch result",
                        "content": {"application/json": {"schema": {"oneOf": [ref("Customer"), ref("BatchResult")]}}}},
                "413": {"$ref": "#/components/responses/Problem"}},
               ["project", "source", "x_source"],
               {"required": True, "content": {"application/json": {"schema": {"oneOf": [customer_in, {"type": "array", "maxItems": 10000, "items": customer_in}]}},
                                              "application/x-www-form-urlencoded": {"schema": customer_in}}}),
    "get": op("List customers (oldest first)", ok(lst(ref("Customer"))),
              ["project", "email", "phone", "q", "location", "source_filter", "limit", "after"])},
  "/customers/{id}": {
    "get": op("One customer", ok(ref("Customer")), ["project", "path_id"]),
    "patch": op("Change the given fields of a customer", ok(ref("Customer")), ["project", "path_id", "source", "x_source"], body(customer_in)),
    "delete": op("Erase a customer and everything about them", {"204": {"description": "erased"}}, ["project", "path_id"])},
  "/customers/{id}/charges": {"get": op("A customer's charges, newest first", ok(lst(ref("Charge"))), ["project", "path_id"])},
  "/charges": {"post": op("Record a charge (negative = refund); same external_id twice = one charge",
               {"201": {"description": "created", "content": {"application/json": {"schema": ref("Charge")}}},
                "200": {"description": "known external_id", "content": {"application/json": {"schema": ref("Charge")}}}},
               ["project", "source", "x_source"],
               form({"type": "object", "required": ["amount", "currency"], "properties": {
                   "customer_id": S, "email": S, "phone": S, "amount": {"type": "integer", "description": "minor unit"},
                   "currency": S, "charged_at": S, "external_id": S}}))},
  "/imports/csv": {"post": op("Upload a CSV file; the import runs as a job",
               {"202": {"description": "accepted; Location names the job", "content": {"application/json": {"schema": ref("ImportJob")}}},
                "413": {"$ref": "#/components/responses/Problem"}, "415": {"$ref": "#/components/responses/Problem"}},
               ["project", "delimiter", "charset", "date_format", "dry_run"],
               {"required": True, "content": {"text/csv": {"schema": {"type": "string", "format": "binary"}},
                 "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {"file": {"type": "string", "format": "binary"}}}}}})},
  "/imports": {"get": op("Import jobs, newest first", ok(lst(ref("ImportJob"))), ["project", "limit", "after"])},
  "/imports/{id}": {
    "get": op("An import job with its report", ok(ref("ImportJob")), ["project", "path_id"]),
    "delete": op("Cancel a queued or running job", ok(ref("ImportJob")), ["project", "path_id"])},
  "/imports/{id}/rejected.csv": {"get": op("The rejected rows as uploaded, plus an error column",
               ok({"type": "string"}, ctype="text/csv"), ["project", "path_id"])},
  "/importers": {"get": op("The importers installed right now", ok(lst(ref("Importer"))), ["project"])},
  "/importers/{id}/config": {"put": op("Set a project's importer settings (secrets write-only); sync_interval_minutes (default 60, 0 = on demand only) schedules syncs", ok(ref("ImporterConfig")),
               ["project", "path_id"], body({"type": "object", "additionalProperties": True})),
               "get": op("A project's importer settings, secrets left out (their names are listed)", ok(ref("ImporterConfig")),
               ["project", "path_id"])},
  "/importers/{id}/sync": {"post": op("Start a sync of a pull importer",
               {"202": {"description": "accepted", "content": {"application/json": {"schema": ref("ImportJob")}}},
                "409": {"$ref": "#/components/responses/Problem"}}, ["project", "path_id"])},
 "/customers/{id}/eligibility": {"get": op("Whether the strategy would ask this customer, each condition with its value, and when",
               ok({"type": "object", "properties": {"eligible": {"type": "boolean"},
                   "reasons": {"type": "array", "items": {"type": "object", "properties": {"condition": S, "met": {"type": "boolean"}, "explanation": S}}},
                   "next_send_at": {"type": "string", "nullable": True}}}), ["project", "path_id"])},
 "/strategy": {"get": op("The project's request strategy (defaults until it sets one)", ok(ref("Strategy")), ["project"]),
               "put": op("Replace the request strategy; 422 with every field error and the old one kept", ok(ref("Strategy")),
                         ["project"], body(ref("Strategy")))},
 "/webhooks/{importer}/{project_id}": {"post": op("A webhook delivery of a remote account (Stripe, HubSpot), verified by the importer against the project's webhook secret; a replayed event is acknowledged and ignored",
               ok({"type": "object", "properties": {"status": {"type": "string", "enum": ["accepted", "duplicate"]},
                   "received": {"type": "integer"}, "job": {"type": "string", "format": "uuid"}}}) | {"400": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}},
               [], {"required": True, "content": {"application/json": {"schema": {"type": "object"}}}}, security=False)},
 },
 "components": {
  "securitySchemes": {"apiKey": {"type": "http", "scheme": "bearer", "description": "a project API key"},
                      "admin": {"type": "http", "scheme": "basic", "description": "an administrator of Karaf's JAAS realm"}},
  "parameters": {
    "project": q("project", "administrators: the project's id or slug; project keys may omit it"),
    "source": q("source", "which connector sent the record (zapier, make, ...)"),
    "x_source": {"name": "X-Source", "in": "header", "required": False, "schema": S, "description": "same as ?source="},
    "email": q("email", "exact e-mail"), "phone": q("phone", "exact phone"),
    "q": q("q", "name, company or e-mail contains"), "location": q("location", "location slug or id"),
    "source_filter": q("source", "customers known to this source"),
    "limit": q("limit", "1-1000, default 100", {"type": "integer", "minimum": 1, "maximum": 1000}),
    "after": q("after", "cursor from next_cursor"),
    "delimiter": q("delimiter", ", ; tab or | (detected when absent)"), "charset": q("charset", "file encoding"),
    "date_format": q("date_format", "pattern for slash dates, e.g. dd/MM/yyyy"),
    "dry_run": q("dry_run", "true: validate and report, store nothing", {"type": "boolean"}),
    "path_id": {"name": "id", "in": "path", "required": True, "schema": S},
    "path_key_id": {"name": "keyId", "in": "path", "required": True, "schema": S}},
  "responses": {"Problem": {"description": "error", "content": {"application/problem+json": {"schema": ref("Problem")}}}},
  "schemas": {
    "Problem": {"type": "object", "properties": {"type": S, "title": S, "status": {"type": "integer"}, "detail": S,
                "errors": {"type": "array", "items": {"type": "object", "properties": {"index": {"type": "integer"}, "field": S, "message": S}}}}},
    "Health": {"type": "object", "properties": {"status": {"type": "string", "enum": ["UP", "DOWN"]}, "database": S,
               "importers": {"type": "array", "items": S}}},
    "Project": {"type": "object", "properties": {"id": S, "slug": S, "name": S, "bcc_address": S, "created_at": S,
                "customer_count": {"type": "integer"}}},
    "CreatedProject": {"type": "object", "properties": {"id": S, "slug": S, "name": S, "bcc_address": S, "api_key": S}},
    "ApiKey": {"type": "object", "properties": {"id": S, "project_id": S, "prefix": S, "label": S, "created_at": S, "revoked_at": S}},
    "CreatedApiKey": {"type": "object", "properties": {"id": S, "prefix": S, "label": S, "created_at": S, "api_key": S}},
    "Me": {"type": "object", "properties": {"project_id": S, "name": S, "slug": S, "bcc_address": S}},
    "Location": {"type": "object", "properties": {"id": S, "project_id": S, "slug": S, "name": S, "review_url": S}},
    "Customer": {"type": "object", "properties": {"id": S, "project_id": S, "first_name": S, "last_name": S, "email": S,
                 "phone": S, "company": S, "location_id": S, "signed_up_at": S, "has_subscription": {"type": "boolean"},
                 "opted_out_at": S, "sources": {"type": "array", "items": S}, "charge_count": {"type": "integer"},
                 "total_spent": {"type": "object", "additionalProperties": {"type": "integer"}},
                 "last_charge_at": S, "created_at": S, "updated_at": S}},
    "BatchResult": {"type": "object", "properties": {"created": {"type": "integer"}, "updated": {"type": "integer"},
                    "unchanged": {"type": "integer"}, "rejected": {"type": "integer"},
                    "errors": {"type": "array", "items": {"type": "object", "properties": {"index": {"type": "integer"}, "field": S, "message": S}}}}},
    "Charge": {"type": "object", "properties": {"id": S, "project_id": S, "customer_id": S, "amount": {"type": "integer"},
               "currency": S, "charged_at": S, "source": S, "external_id": S}},
    "ImportJob": {"type": "object", "properties": {"id": S, "importer": S,
                  "status": {"type": "string", "enum": ["queued", "running", "completed", "failed", "cancelled"]},
                  "dry_run": {"type": "boolean"}, "percent": {"type": "integer"}, "total": {"type": "integer"},
                  "created": {"type": "integer"}, "updated": {"type": "integer"}, "unchanged": {"type": "integer"},
                  "rejected": {"type": "integer"}, "error": S,
                  "errors": {"type": "array", "items": {"type": "object", "properties": {"row": {"type": "integer"}, "line": {"type": "integer"}, "field": S, "message": S}}},
                  "ignored_columns": {"type": "array", "items": S}, "created_at": S, "started_at": S, "finished_at": S}},
    "Strategy": {"type": "object", "properties": {
        "enabled": {"type": "boolean"}, "trigger": {"type": "string", "enum": ["signup", "last_charge"]},
        "delay": ref("Delay"), "channels": {"type": "array", "items": {"type": "string", "enum": ["email", "sms"]}},
        "send_window": {"type": "object", "nullable": True, "properties": {"time_zone": S,
            "days": {"type": "array", "items": {"type": "string", "enum": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]}},
            "from": {"type": "string", "description": "HH:MM"}, "to": {"type": "string", "description": "HH:MM, after from"}}},
        "reminders": {"type": "array", "maxItems": 3, "items": ref("Delay")},
        "conditions": {"type": "object", "description": "0 = ignore; amounts in minor units, net of refunds", "properties": {
            "require_subscription": {"type": "boolean"}, "min_charges": {"type": "integer"}, "min_total": {"type": "integer"},
            "min_average": {"type": "integer"}, "currency": S}},
        "caps": {"type": "object", "description": "0 = none", "properties": {"email_daily": {"type": "integer"},
            "email_monthly": {"type": "integer"}, "sms_daily": {"type": "integer"}, "sms_monthly": {"type": "integer"}}},
        "templates": {"type": "object", "properties": {"email_subject": S, "email_body": S, "sms_body": S}}}},
    "Delay": {"type": "object", "properties": {"amount": {"type": "integer"},
        "unit": {"type": "string", "enum": ["minutes", "hours", "days", "months"]}}},
    "Importer": {"type": "object", "properties": {"id": S, "label": S, "kind": {"type": "string", "enum": ["push", "pull"]},
                 "version": S, "configured": {"type": "boolean"},
                 "sync": {"type": "object", "nullable": True, "description": "pull importers configured in the project",
                          "properties": {"interval_minutes": {"type": "integer"}, "next_sync_at": S,
                                         "last_job": ref("ImportJob"), "last_completed_at": S}}}},
    "ImporterConfig": {"type": "object", "properties": {"importer": S, "settings": {"type": "object"},
                       "secrets_set": {"type": "array", "items": S}}}}}}
with open("src/main/resources/openapi.json", "w") as f:
    json.dump(doc, f, indent=1)
    f.write("\n")
