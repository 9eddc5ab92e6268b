"""Writes the small torch.save fixtures of s3dx.checkpoint's tests, and what torch reads back from them.

Run with any torch (Debian's python3-torch 1.13 made the committed ones):
    python3 model-runtime/src/test/python/make_fixtures.py model-runtime/src/test/resources/s3dx/checkpoint
"""
import json
import os
import sys

import torch
from torch import nn


class ShellCommand:
    """Pickles as a call of os.system: what a malicious checkpoint carries."""

    def __reduce__(self):
        return os.system, ("touch /tmp/s3dx-fixture-ran",)


def state_dict():
    unit = nn.Sequential(nn.Conv3d(2, 3, (1, 2, 2), bias=False), nn.BatchNorm3d(3, eps=1e-3))
    with torch.no_grad():
        for t in list(unit.parameters()) + [unit[1].running_mean, unit[1].running_var]:
            t.copy_(torch.arange(t.numel(), dtype=torch.float32).reshape(t.shape) * 0.25 - 1)
    unit[1].num_batches_tracked.fill_(5)
    sd = unit.state_dict()  # an OrderedDict with _metadata, as torchvision's and kylemin's files are
    sd["half"] = torch.tensor([1, -2, 65504, 2 ** -24, 1 / 3, 0.1], dtype=torch.half)
    sd["bf16"] = torch.tensor([1, -3.5, 1 / 3, 3e38], dtype=torch.bfloat16)
    sd["double"] = torch.tensor([[0.1, -1e-3]], dtype=torch.float64)
    base = torch.arange(10, dtype=torch.float32)
    sd["base"] = base
    sd["window"] = base[3:7].view(2, 2)  # storage offset 3, shares base's storage
    sd["transposed"] = torch.arange(6, dtype=torch.float32).reshape(2, 3).t()  # strides (1, 3)
    sd["param"] = nn.Parameter(torch.tensor([0.5, 1.5]))  # pickled through _rebuild_parameter
    return sd


def main(out):
    sd = state_dict()
    torch.save(sd, os.path.join(out, "torch_zip.pth"))
    torch.save({"epoch": 3, "state_dict": sd}, os.path.join(out, "torch_legacy_wrapped.pt"),
               _use_new_zipfile_serialization=False)
    torch.save({"weight": torch.zeros(2), "payload": ShellCommand()}, os.path.join(out, "torch_os_system.pth"))
    expected = {k: {"shape": list(v.shape), "values": v.detach().float().flatten().tolist()} for k, v in sd.items()}
    with open(os.path.join(out, "torch_expected.json"), "w") as f:
        json.dump({"torch": torch.__version__, "tensors": expected}, f)


if __name__ == "__main__":
    main(sys.argv[1])
