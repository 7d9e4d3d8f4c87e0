"""A till whose clock is wrong: TLS refuses every certificate, and the admin is told to fix the
clock (not "no connection"). A real TLS server on loopback whose certificate becomes valid
tomorrow stands for "the till's clock is a day behind"; the client trusts that certificate
properly (no verify=False anywhere)."""

from __future__ import annotations

import asyncio
import datetime as dt
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from forsell.sync.backend import BackendClient
from forsell.sync.errors import ClockWrong, NetworkDown, transport_error


def certificate(tmp: Path, not_before: dt.datetime, not_after: dt.datetime) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    import ipaddress

    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp / "cert.pem", tmp / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


class EmptyPulls(BaseHTTPRequestHandler):
    """Answers every GET like the backend's pull with nothing new."""

    def do_GET(self) -> None:
        body = b'{"items": [], "cursor": null, "more": false}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def tls_server(cert: Path, key: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), EmptyPulls)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.mark.parametrize(
    ("shift", "valid"),
    [(dt.timedelta(days=1), False), (dt.timedelta(days=-30), False), (dt.timedelta(0), True)],
)
def test_a_certificate_outside_the_tills_time_is_a_clock_problem(tmp_path, shift, valid) -> None:
    now = dt.datetime.now(dt.UTC)
    # shift > 0: valid from tomorrow (the till is behind); < 0: expired a month ago (ahead).
    if shift > dt.timedelta(0):
        cert, key = certificate(tmp_path, now + shift, now + shift + dt.timedelta(days=90))
    elif shift < dt.timedelta(0):
        cert, key = certificate(tmp_path, now + shift - dt.timedelta(days=90), now + shift)
    else:
        cert, key = certificate(tmp_path, now - dt.timedelta(days=1), now + dt.timedelta(days=90))
    server = tls_server(cert, key)
    url = f"https://127.0.0.1:{server.server_address[1]}"

    async def pull():
        async with httpx.AsyncClient(
            verify=ssl.create_default_context(cafile=str(cert)), timeout=5
        ) as client:
            return await BackendClient(client, url, lambda: "token").pull("catalog")

    try:
        if valid:
            assert asyncio.run(pull()).items == []  # the same setup works when the dates fit
        else:
            with pytest.raises(ClockWrong) as caught:
                asyncio.run(pull())
            assert caught.value.key == "sync.clock"
    finally:
        server.shutdown()


def test_a_plain_refused_connection_is_still_offline() -> None:
    with pytest.raises(httpx.TransportError) as refused:  # port 9 must not answer
        httpx.get("http://127.0.0.1:9", timeout=2)
    assert isinstance(transport_error(refused.value, "backend"), NetworkDown)
