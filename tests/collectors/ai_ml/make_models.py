#!/usr/bin/python3
"""Writes model files for the ai_ml collector's tests with Python's own pickle, zipfile and
NumPy: the pickles are real pickler output. No file is ever loaded (unpickled).

  make_models.py corpus DIR     the scanner's corpus: each file's expected verdict is in the
                                test (pickle_corpus_test.cpp)
  make_models.py weak DIR       the model files of the fixture tree ai-weak
  make_models.py hardened DIR   those of ai-hardened

The "malicious" pickles name os.system and the like through __reduce__: loading one would
run `echo zt-test`; nothing here loads them.
"""
import collections
import gzip
import io
import os
import pickle
import runpy
import struct
import subprocess
import sys
import types
import webbrowser
import zipfile
import zlib

import numpy


class Call:
    """Pickles as a call of `fn` with `args` (what a malicious model does)."""

    def __init__(self, fn, *args):
        self.fn, self.args = fn, args

    def __reduce__(self):
        return (self.fn, self.args)


def named(module, name):
    """A function that pickles as module.name, for libraries not installed here (torch)."""
    parts = module.split(".")
    for i in range(1, len(parts) + 1):
        sys.modules.setdefault(".".join(parts[:i]), types.ModuleType(".".join(parts[:i])))
    def fn(*args):
        raise RuntimeError("never called")
    fn.__module__, fn.__qualname__, fn.__name__ = module, name, name
    setattr(sys.modules[module], name, fn)
    return fn


REBUILD_TENSOR = named("torch._utils", "_rebuild_tensor_v2")
FLOAT_STORAGE = named("torch", "FloatStorage")


def state_dict():
    """What torch.save of a small state dict pickles: tensors rebuilt from storages."""
    return collections.OrderedDict(
        [("fc.weight", Call(REBUILD_TENSOR, Call(FLOAT_STORAGE), 0, (2, 2), (2, 1), False)),
         ("fc.bias", Call(REBUILD_TENSOR, Call(FLOAT_STORAGE), 4, (2,), (1,), False))])


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def torch_zip(path, payload, protocol=2, compress=zipfile.ZIP_STORED):
    """PyTorch's archive layout: <name>/data.pkl first, then version and the storages."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    root = os.path.splitext(os.path.basename(path))[0]
    with zipfile.ZipFile(path, "w", compress) as z:
        z.writestr(root + "/data.pkl", pickle.dumps(payload, protocol=protocol))
        z.writestr(root + "/version", "3\n")
        z.writestr(root + "/data/0", bytes(24))


def npy(path, array):
    buf = io.BytesIO()
    numpy.save(buf, array, allow_pickle=True)
    write(path, buf.getvalue())


def object_array(*items):
    a = numpy.empty(len(items), dtype=object)
    for i, item in enumerate(items):
        a[i] = item
    return a


def safetensors(path):
    header = b'{"__metadata__":{"format":"pt"}}'
    write(path, struct.pack("<Q", len(header)) + header)


def gguf(path):
    write(path, b"GGUF" + struct.pack("<IQQ", 3, 0, 0))


def corpus(d):
    benign = {"weights": [1.0, 2.5], "name": "m", "shape": (2, 2), "flags": {1, 2},
              "blob": b"\x00\x01", "order": collections.OrderedDict(a=1)}
    system = Call(os.system, "echo zt-test")
    for p in range(6):
        write(f"{d}/benign_p{p}.pkl", pickle.dumps(benign, protocol=p))
        write(f"{d}/system_p{p}.pkl", pickle.dumps({"model": system}, protocol=p))
    write(f"{d}/popen.pickle", pickle.dumps(Call(subprocess.Popen, ["id"]), protocol=2))
    write(f"{d}/eval.pkl", pickle.dumps(Call(eval, "1+1"), protocol=4))
    write(f"{d}/exec.pkl", pickle.dumps(Call(exec, "pass"), protocol=3))
    write(f"{d}/import.pkl", pickle.dumps(Call(__import__, "os"), protocol=1))
    write(f"{d}/runpy.pkl", pickle.dumps(Call(runpy.run_path, "/tmp/x.py"), protocol=5))
    write(f"{d}/browser.pkl", pickle.dumps(Call(webbrowser.open, "http://x"), protocol=0))
    # Protocol 4 memoises the module name of the first STACK_GLOBAL; the second fetches it.
    write(f"{d}/memo.pkl", pickle.dumps([Call(subprocess.call, "id"),
                                         Call(subprocess.check_output, "id")], protocol=4))
    write(f"{d}/custom.pkl", pickle.dumps(Call(named("mylab.nets", "Net"), 3), protocol=4))
    write(f"{d}/state.pkl", pickle.dumps(state_dict(), protocol=2))
    torch_zip(f"{d}/clean.pt", state_dict())
    torch_zip(f"{d}/evil.pt", {"state": state_dict(), "hook": system})
    torch_zip(f"{d}/deflated.pth", {"hook": Call(subprocess.Popen, "id")}, 4,
              zipfile.ZIP_DEFLATED)
    # The legacy format: magic number, protocol version, system info, then the model, then
    # the raw storages.
    legacy = b"".join(pickle.dumps(x, protocol=2) for x in
                      (0x1950a86a20f9469cfc6c, 1001, {"little_endian": True}, {"m": system}))
    write(f"{d}/legacy.pth", legacy + bytes(range(256)))
    write(f"{d}/packed.joblib", zlib.compress(pickle.dumps(system, protocol=4)))
    write(f"{d}/packed.pkl", gzip.compress(pickle.dumps(benign, protocol=4), mtime=0))
    write(f"{d}/xz.joblib", b"\xfd7zXZ\x00" + bytes(32))
    npy(f"{d}/weights.npy", numpy.arange(6, dtype=numpy.float32))
    npy(f"{d}/objects.npy", object_array(system, "x"))
    buf = io.BytesIO()
    numpy.savez(buf, w=numpy.zeros(3), o=object_array(Call(eval, "1")))
    write(f"{d}/arrays.npz", buf.getvalue())
    safetensors(f"{d}/model.safetensors")
    gguf(f"{d}/tiny.gguf")
    write(f"{d}/firmware.bin", b"\x7fELF" + bytes(60))
    write(f"{d}/truncated.pkl", pickle.dumps(benign, protocol=4)[:-9])


def weak(d):
    system = Call(os.system, "echo zt-test")
    write(f"{d}/home/ann/models/evil.pkl", pickle.dumps({"model": system}, protocol=4))
    write(f"{d}/home/ann/models/custom.pkl",
          pickle.dumps(Call(named("mylab.nets", "Net"), 3), protocol=4))
    torch_zip(f"{d}/srv/hf/hub/models--acme--sentiment/snapshots/0123abcd/pytorch_model.bin",
              {"state": state_dict(), "hook": Call(subprocess.Popen, "id")})
    npy(f"{d}/home/ann/models/objects.npy", object_array(Call(eval, "1")))
    safetensors(f"{d}/home/ann/models/model.safetensors")


def hardened(d):
    torch_zip(f"{d}/srv/hf/hub/models--acme--sentiment/snapshots/0123abcd/pytorch_model.bin",
              state_dict())
    write(f"{d}/home/ann/models/state.pkl", pickle.dumps(state_dict(), protocol=4))
    npy(f"{d}/home/ann/models/weights.npy", numpy.arange(6, dtype=numpy.float32))
    safetensors(f"{d}/home/ann/models/model.safetensors")
    gguf(f"{d}/home/ann/models/tiny.gguf")


if __name__ == "__main__":
    {"corpus": corpus, "weak": weak, "hardened": hardened}[sys.argv[1]](sys.argv[2])
