#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (corpus/<target>/) from the real Databricks
exchanges in ../shared/recorded/ plus a few hand-written inputs for the parsers that have
no recording (connection strings, .databrickscfg, the loopback request, SQL escapes).
Run it again after adding recordings; regression inputs found by fuzzing are kept beside
the seeds under their own names (regress-*), which this script never removes.

Every input starts with one choice byte (see fuzz_input.h)."""
import hashlib
import json
import pathlib
import sys

here = pathlib.Path(__file__).resolve().parent
recorded = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else here.parents[2] / 'shared' / 'recorded'


def write(target, data, choice=0):
    if isinstance(data, str):
        data = data.encode()
    data = bytes([choice]) + data
    folder = here / 'corpus' / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ('seed-' + hashlib.sha1(data).hexdigest()[:16])).write_bytes(data)


def body_text(body):
    return body if isinstance(body, str) else json.dumps(body, separators=(',', ':'))


for path in sorted(recorded.glob('*.json')):
    try:
        exchange = json.loads(path.read_text())
    except (ValueError, UnicodeDecodeError):
        continue
    if not isinstance(exchange, dict):
        continue
    request = exchange.get('request') or {}
    response = exchange.get('response') or {}
    body = response.get('body')
    if body is None:
        continue
    text = body_text(body)
    req_path = request.get('path', '')
    if 'token' in req_path or 'oidc' in req_path or 'oauth' in path.name:
        write('oauth_response', text)
        continue
    write('statement_response', text, choice=len(text) % 48)
    if isinstance(body, dict):
        result = body.get('result') or body
        if isinstance(result, dict) and 'data_array' in result:
            columns = len(result['data_array'][0]) if result['data_array'] else 1
            write('chunk', body_text(result), choice=columns)
            write('chunk', body_text(result['data_array']), choice=columns)
        if '/result/chunks/' in req_path:
            write('chunk', text, choice=1)
    statement = (request.get('body') or {}).get('statement') if isinstance(request.get('body'), dict) else None
    if statement:
        write('sql_text', statement)

for s in ['Driver=dbsql-odbc;Host=adb-1.azuredatabricks.net;Port=443;HTTPPath=/sql/1.0/warehouses/abc;AuthMech=3;UID=token;PWD={dapi;with}}braces};',
          'DSN=x;;UID=token; PWD = {a}} ;',
          'AuthMech=11;Auth_Flow=2;Auth_Client_ID=c;OAuth2RedirectUrl=http://127.0.0.1:8020/cb',
          'Key={unterminated', '=novalue;', 'k={v}x;']:
    write('connection_string', s)
for s in ['[DEFAULT]\nhost = https://adb-1.azuredatabricks.net\ntoken = dapi123\n\n[m2m]\nclient_id: abc\nclient_secret = s\n# comment\n; also\n',
          '[unterminated\nkey\n=value\n[]\n']:
    write('databrickscfg', s)
for s in ['GET /callback?code=abc&state=xyz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
          'GET /?error=access_denied&error_description=No%20way+at%20all HTTP/1.1\r\n\r\n',
          'POST / HTTP/1.1\r\n\r\n', 'GET %zz?%=%&&=& HTTP/1.0\r\n\r\n']:
    write('loopback_request', s)
for s in ['{"access_token":"eyJ.a.b","token_type":"Bearer","expires_in":3600,"refresh_token":"r","scope":"sql offline_access"}',
          '{"error":"invalid_client","error_description":"Client authentication failed"}',
          '{"issuer":"https://x/oidc","authorization_endpoint":"https://x/oidc/v1/authorize","token_endpoint":"https://x/oidc/v1/token","nested":{"a":[1,2,{"b":null}]}}',
          '<html>502</html>', '{"expires_in":"3600","access_token":"\\u00e9\\ud83d\\ude00"}']:
    write('oauth_response', s)
for s in ["SELECT * FROM t WHERE a = ? AND b = '?' -- ?\n AND c = ?",
          "SELECT {fn CONCAT(?, {fn UCASE(name)})}, {d '2024-01-02'}, {ts '2024-01-02 03:04:05'} FROM t",
          "SELECT {fn TIMESTAMPADD(SQL_TSI_DAY, ?, {fn NOW()})}, {fn INSERT(?, 2, 3, ?)}, {fn TRUNCATE(?, 2)}",
          "{call p(?, ?)}", "{oj t LEFT OUTER JOIN u ON t.a = u.a}", "SELECT x FROM t WHERE s LIKE 'a\\%' {escape '\\'}",
          "INSERT INTO t (a, b) VALUES (?, ?)", 'SELECT "quoted ?" , `tick ?`, r"raw \\?" /* ? */ FROM t WHERE a = :named',
          "SELECT {fn CONVERT(?, SQL_VARCHAR)}, {INTERVAL '1' DAY}, {guid '00000000-0000-0000-0000-000000000000'}",
          "SELECT {unclosed"]:
    write('sql_text', s)
    write('sql_text', s, choice=3)
print('seeds written under', here / 'corpus')
