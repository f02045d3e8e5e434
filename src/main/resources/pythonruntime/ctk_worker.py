"""dqualizer-ctk Python worker: runs the python activities and controls of one experiment run.

Shipped inside the service's jar and started by it (one process per running experiment, a short-lived one
per validation). Protocol: one JSON object per line. Requests arrive on stdin; responses go to the
original stdout, which is kept for the protocol only: whatever the called code prints goes to stderr.
When stdin closes (the service stopped or died) the worker exits at once, whatever is running.

Semantics follow chaoslib 1.41 (chaoslib/provider/python.py, chaoslib/control/python.py).
"""
import datetime
import decimal
import importlib
import importlib.util
import inspect
import json
import os
import queue
import sys
import threading
import traceback
import types
import uuid

# the script's own directory must not shadow the experiment's modules
if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
    del sys.path[0]


def install_chaoslib_shim():
    """Extensions and controls import chaoslib.exceptions / chaoslib.types; give them the same names when
    chaoslib itself is not installed (the exception types print as chaoslib's do)."""
    if importlib.util.find_spec("chaoslib") is not None:
        return
    package = types.ModuleType("chaoslib")
    package.__path__ = []
    exceptions = types.ModuleType("chaoslib.exceptions")
    source = """
class ChaosException(Exception): pass
class InvalidActivity(ChaosException): pass
class InvalidExperiment(ChaosException): pass
class ActivityFailed(ChaosException): pass
class DiscoveryFailed(ChaosException): pass
class InvalidSource(ChaosException): pass
class ControlPythonFunctionLoadingError(Exception): pass
class InterruptExecution(ChaosException): pass
class InvalidControl(ChaosException): pass
class ExperimentExitedException(ChaosException): pass
"""
    exec(compile(source, "chaoslib/exceptions.py", "exec"), exceptions.__dict__)
    typing_names = types.ModuleType("chaoslib.types")
    typing_names.__getattr__ = lambda name: __import__("typing").Any
    package.exceptions = exceptions
    package.types = typing_names
    sys.modules["chaoslib"] = package
    sys.modules["chaoslib.exceptions"] = exceptions
    sys.modules["chaoslib.types"] = typing_names


install_chaoslib_shim()
from chaoslib.exceptions import ActivityFailed, InterruptExecution  # noqa: E402


def encoder(o):
    """chaostoolkit's journal encoder (dates ISO-8601, Decimal and UUID as text); anything else JSON cannot
    hold becomes its text instead of failing the run."""
    if isinstance(o, (datetime.date, datetime.datetime)):
        return o.isoformat()
    if isinstance(o, (decimal.Decimal, uuid.UUID)):
        return str(o)
    if isinstance(o, (set, frozenset)):
        return str(o)
    if isinstance(o, bytes):
        return str(o)
    return str(o)


def dumps(message):
    try:
        return json.dumps(message, default=encoder, allow_nan=False, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        # NaN, a cycle or a key JSON cannot hold: the output becomes the value's text
        if "output" in message:
            message = dict(message)
            message["output"] = safe_str(message["output"])
            return json.dumps(message, default=encoder, allow_nan=False, ensure_ascii=False)
        raise


def safe_str(value):
    try:
        return str(value)
    except Exception as x:  # noqa: BLE001
        return "<unprintable {}: {}>".format(type(value).__name__, x)


def exception_only(x):
    return traceback.format_exception_only(type(x), x)[-1].strip()


def import_function(module, func):
    mod = importlib.import_module(module)
    return getattr(mod, func)


def inspect_activity(request):
    """validate_python_activity: the module imports, exposes a plain function, the arguments bind."""
    module, func, name = request["module"], request["func"], request["name"]
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return {"problem": "could not find Python module '{}' in activity '{}'".format(module, name)}
    except BaseException as x:  # noqa: BLE001 - chaos validate would crash with this error
        return {"problem": "importing Python module '{}' in activity '{}' failed: {}".format(
            module, name, exception_only(x))}
    arguments = request.get("arguments") or {}
    candidates = set(inspect.getmembers(mod, inspect.isfunction)).union(inspect.getmembers(mod, inspect.isbuiltin))
    for member, cb in candidates:
        if member != func:
            continue
        try:
            sig = inspect.signature(cb)
        except (TypeError, ValueError):
            return {"problem": None}
        args = dict(arguments)
        if "secrets" in sig.parameters:
            args["secrets"] = None
        if "configuration" in sig.parameters:
            args["configuration"] = None
        try:
            sig.bind(**args)
        except TypeError as x:
            msg = str(x)
            if "missing" in msg:
                arg = msg.rsplit(":", 1)[1].strip()
                return {"problem": "required argument {} is missing from activity '{}'".format(arg, member)}
            if "unexpected" in msg:
                arg = msg.rsplit(" ", 1)[1].strip()
                return {"problem": "argument {} is not part of the function signature in activity '{}'".format(
                    arg, member)}
            return {"problem": "the arguments of activity '{}' do not match the function: {}".format(name, msg)}
        return {"problem": None}
    return {"problem": "The python module '{}' does not expose a function called '{}' in {} '{}'".format(
        module, func, request.get("type"), name)}


def call_activity(request):
    """run_python_activity: import, inject secrets/configuration, call; any Exception fails the activity."""
    try:
        func = import_function(request["module"], request["func"])
        arguments = dict(request.get("arguments") or {})
        sig = inspect.signature(func)
        if "scopes" in request and "secrets" in sig.parameters:
            secrets = request.get("secrets") or {}
            arguments["secrets"] = {}
            for s in request["scopes"]:
                arguments["secrets"].update(secrets.get(s, {}).copy())
        if "configuration" in sig.parameters:
            arguments["configuration"] = dict(request.get("configuration") or {})
    except Exception as x:  # noqa: BLE001 - outside the call: a crash, as under chaoslib
        return {"crash": {"type": qualified_type(x), "message": str(x)}}
    try:
        return {"output": func(**arguments)}
    except Exception as x:  # noqa: BLE001 - wrap any user-code exception
        failed = ActivityFailed(exception_only(x))
        lines = traceback.format_exception(type(x), x, x.__traceback__.tb_next or x.__traceback__)
        lines.append("\nDuring handling of the above exception, another exception occurred:\n\n")
        lines.extend(traceback.format_exception_only(type(failed), failed))
        return {"failed": {"message": str(failed), "exception": lines}}


def call_control(request):
    """apply_python_control / initialize_control / cleanup_control: a missing module or hook does nothing."""
    try:
        mod = importlib.import_module(request["module"])
    except ImportError:
        return {"missing": "module"}
    func = getattr(mod, request["hook"], None)
    if not func:
        return {"missing": "hook"}
    passed = request.get("inject") or {}
    try:
        arguments = dict(request.get("arguments") or {})
        sig = inspect.signature(func)
        for key, value in passed.items():
            if key in sig.parameters:
                arguments[key] = value
        if "context" in request:
            func(context=request["context"], **arguments)
        else:
            func(**arguments)
    except BaseException as x:  # noqa: BLE001 - hook errors are swallowed by the engine, except interrupts
        return {"error": {"type": qualified_type(x), "message": str(x),
                          "interrupt": isinstance(x, InterruptExecution)},
                "mutated": mutated(request, passed)}
    return {"mutated": mutated(request, passed)}


def validate_control(request):
    """validate_python_control: an unimportable module only warns; a module's validate_control(control) may
    refuse the control by raising."""
    try:
        mod = importlib.import_module(request["module"])
    except ImportError:
        return {"importable": False}
    func = getattr(mod, "validate_control", None)
    if not func:
        return {"importable": True}
    try:
        func(request["control"])
    except Exception as x:  # noqa: BLE001 - chaos validate fails with this error
        return {"importable": True, "problem": str(x), "type": qualified_type(x)}
    return {"importable": True}


def mutated(request, passed):
    """What a hook may have changed and the run must see: context, state, configuration, secrets."""
    result = {}
    if "context" in request:
        result["context"] = request["context"]
    for key in ("state", "configuration", "secrets"):
        if key in passed:
            result[key] = passed[key]
    return result


def qualified_type(x):
    cls = type(x)
    module = cls.__module__
    return cls.__qualname__ if module in ("builtins", "__main__") else module + "." + cls.__qualname__


OPERATIONS = {"inspect": inspect_activity, "call": call_activity, "control": call_control,
              "validate_control": validate_control}


class Worker:
    def __init__(self, protocol_out):
        self.out = protocol_out
        self.lock = threading.Lock()
        self.main_queue = queue.SimpleQueue()
        self.main_busy = threading.Lock()

    def send(self, message):
        text = dumps(message)
        with self.lock:
            self.out.write(text)
            self.out.write("\n")
            self.out.flush()

    def handle(self, request):
        try:
            operation = OPERATIONS[request["op"]]
            response = operation(request)
        except (KeyboardInterrupt, SystemExit) as x:
            response = {"interrupt": {"type": qualified_type(x), "message": str(x)}}
        except BaseException as x:  # noqa: BLE001 - the worker itself must keep answering
            response = {"crash": {"type": qualified_type(x), "message": str(x)}}
        response["id"] = request.get("id")
        try:
            self.send(response)
        except Exception as x:  # noqa: BLE001
            self.send({"id": request.get("id"), "crash": {"type": qualified_type(x), "message": str(x)}})

    def read_requests(self):
        """stdin reader: the main thread takes a request when idle (as chaoslib runs foreground activities
        in its main thread); concurrent ones (background activities) get a thread of their own."""
        for line in sys.stdin.buffer:
            if not line.strip():
                continue
            request = json.loads(line)
            if self.main_busy.acquire(blocking=False):
                self.main_queue.put(request)
            else:
                threading.Thread(target=self.handle, args=(request,), daemon=True).start()
        os._exit(0)  # the service closed the pipe (or died): stop whatever still runs

    def serve(self):
        threading.Thread(target=self.read_requests, daemon=True).start()
        self.send({"ready": os.getpid(), "python": sys.version.split()[0], "executable": sys.executable})
        while True:
            request = self.main_queue.get()
            try:
                self.handle(request)
            finally:
                self.main_busy.release()


def main():
    protocol_out = os.fdopen(os.dup(1), "w", encoding="utf-8", newline="\n")
    os.dup2(2, 1)  # prints of the called code (and of its child processes) must not break the protocol
    Worker(protocol_out).serve()


if __name__ == "__main__":
    main()
