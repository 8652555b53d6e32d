"""The case file verified with the verifying key and the checkpoint kept outside it."""

import json
import pathlib

import pytest

import rouxing

SAMPLE = (pathlib.Path(__file__).parent / "../../../schema/examples/case-file.jsonl").read_text(encoding="utf-8")


def sample_events():
    return [json.dumps(json.loads(line)["event"], ensure_ascii=False) for line in SAMPLE.splitlines() if line.startswith('{"seq"')]


def rechained(events):
    """A file rebuilt from events: what write access without the key can produce."""
    f = rouxing.CaseFile("山丹2025-00640")
    for e in events:
        f.append(e)
    return f


def test_verify_with_key_and_checkpoint():
    key = rouxing.SigningKey("amr-2025", bytes([7] * 32))
    public = key.verifying_key()
    assert rouxing.VerifyingKey.from_hex("amr-2025", public.hex()) == public
    assert "07" not in repr(key) and "amr-2025" in repr(key)
    f = rouxing.CaseFile.from_jsonl(SAMPLE)
    # The checkpoint leaves the file as JSON and comes back.
    stored = rouxing.Checkpoint.from_json(f.checkpoint(key).to_json())
    assert (stored.events, stored.head, stored.key_id) == (13, f.head, "amr-2025")

    # The good file passes.
    v = f.verify(public, stored, as_of="2025-12-31")
    assert v == {
        "case_id": "山丹2025-00640",
        "events": 13,
        "head": f.head,
        "sealed": False,
        "seal_verified": False,
        "checkpoint_events": 13,
    }

    # Rewritten and re-chained without the key: intact on its own, not against the checkpoint.
    r = rechained(e.replace("未发现同类违法行为", "发现同类违法行为") for e in sample_events())
    r.verify()
    with pytest.raises(rouxing.IntegrityError) as e:
        r.verify(public, stored)
    assert str(e.value).startswith("rewritten: event `12` has digest")

    # Cut after ten events and closed again: the cut is named.
    cut = rouxing.CaseFile.from_jsonl(rechained(sample_events()[:10]).to_jsonl())
    with pytest.raises(rouxing.IntegrityError) as e:
        cut.verify(public, stored)
    assert str(e.value) == "tail cut: the checkpoint covers `13` events, the file has `10`"

    # Another key does not verify; a list of keys (rotation) does.
    other = rouxing.SigningKey("amr-2025", bytes([9] * 32)).verifying_key()
    with pytest.raises(rouxing.IntegrityError) as e:
        f.verify(other, stored)
    assert str(e.value).startswith("signature rejected: ")
    old = rouxing.SigningKey("amr-2024", bytes([1] * 32)).verifying_key()
    assert f.verify([old, public], stored)["checkpoint_events"] == 13

    # Sealed at 结案; the seal verifies with the public key.
    seal = f.seal("2025-09-18", key)
    assert seal.events == 13
    back = rouxing.CaseFile.from_jsonl(f.to_jsonl())
    v = back.verify(public, stored)
    assert (v["sealed"], v["seal_verified"], v["events"]) == (True, True, 14)


def test_keys_and_checkpoints_are_checked():
    with pytest.raises(rouxing.InputError):
        rouxing.SigningKey("k", bytes(31))
    with pytest.raises(rouxing.InputError):
        rouxing.VerifyingKey.from_hex("k", "zz" * 32)
    with pytest.raises(rouxing.LoadError) as e:
        rouxing.Checkpoint.from_json('{\n"events": 1}')
    assert str(e.value).startswith("checkpoint line 2")
    f = rouxing.CaseFile.from_jsonl(SAMPLE)
    cp = f.checkpoint(rouxing.SigningKey("amr-2025", bytes([7] * 32)))
    with pytest.raises(rouxing.InputError):
        f.verify(None, cp)
    with pytest.raises(rouxing.IntegrityError) as e:
        f.verify(as_of="2025-09-17")
    assert "after the day of verification" in str(e.value)
