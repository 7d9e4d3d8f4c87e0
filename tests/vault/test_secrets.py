"""The secret store adapter against real keyring backends."""

from __future__ import annotations

import uuid

import keyring
import pytest
from keyring.backends import fail, null

from forsell.vault.secrets import SecretStore, SecretStoreUnavailable
from platform_services import needs, secret_service

needs_secret_service = needs(secret_service)


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_no_usable_backend_is_refused_loudly(backend):
    store = SecretStore("till-test", backend)
    with pytest.raises(SecretStoreUnavailable) as err:
        store.key_encryption_key()
    assert err.value.kind == "no_backend"
    assert err.value.problem.code == "secret_store.no_backend"
    assert "gnome-keyring" in err.value.hint


@pytest.mark.parametrize("kind", ["no_backend", "insecure_backend", "locked", "error"])
def test_each_kind_is_a_declared_problem_whose_fallback_is_the_hint(kind):
    problem = SecretStoreUnavailable(kind, "some.Backend", "KeyringError").problem
    assert problem.code == f"secret_store.{kind}"
    assert problem.params["backend"] == "some.Backend"
    assert SecretStoreUnavailable(kind, "some.Backend").hint == problem.message


def test_an_unknown_kind_is_reported_as_a_failure_not_lost():
    assert SecretStoreUnavailable("exploded", "some.Backend").problem.code == "secret_store.error"


@needs_secret_service
def test_kek_is_created_once_and_kept_in_the_secret_service():
    backend = keyring.get_keyring()
    store = SecretStore(f"till-{uuid.uuid4()}", backend)
    assert "SecretService" in store.backend_name or "libsecret" in store.backend_name
    kek = store.key_encryption_key()
    assert len(kek) == 32
    assert SecretStore(store.account, keyring.get_keyring()).key_encryption_key() == kek
    store.delete("kek-v1")
    assert store.get("kek-v1") is None
