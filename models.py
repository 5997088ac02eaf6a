"""What the pydantic contracts between the stages share.

Each root model takes ``model_config = CONTRACT`` (its subclasses inherit it). Its validators are
built when a model is first used rather than when its module is imported: a run builds those of the
models it meets, 40 ms of start-up less for a one-file ingest, which meets a few of them."""

from __future__ import annotations

from pydantic import ConfigDict

CONTRACT = ConfigDict(defer_build=True)
