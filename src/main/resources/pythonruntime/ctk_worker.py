"""dqualizer-ctk Python worker: runs the python activities and controls of one experiment run.

Shipped inside the service's jar and started by it (one process per running experiment, a short-lived one
per validation). Protocol: one JSON object per line. Requests arrive on stdin; responses go to the
original stdout, which is kept for the protocol only: whatever the called code prints goes to stderr.
When stdin closes (the service stopped or died) the worker exits at once, whatever is running.

Semantics follow chaoslib 1.41 (chaoslib/provider/python.py, chaoslib/control/python.py).
"""
import importlib
import importlib.util
import json
import os
import select
import sys
import threading
import time
import types

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
    """chaostoolkit's journal encoder: dates ISO-8601; Decimal, UUID and anything else JSON cannot hold become their
    text instead of failing the run. datetime is looked up, not imported (a shorter start): a date can only be in
    an output when the called code has imported it."""
    datetime = sys.modules.get("datetime")
    if datetime is not None and isinstance(o, datetime.date):  # datetime.datetime is a date too
        return o.isoformat()
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
    import traceback  # only for failures: a shorter start
    return traceback.format_exception_only(type(x), x)[-1].strip()


_parameters = {}
POLL = 0.002  # seconds between the watcher's looks while requests come
CO_VARARGS, CO_VARKEYWORDS = 0x04, 0x08  # inspect's names for these code flags


def parameter_names(func):
    """The names inspect.signature(func).parameters holds, once per plain function (a function replaced at run
    time is a new object). A plain function's are read from its code object, so that a run's worker need not import
    inspect (~10 ms of its start); a decorated function (__wrapped__, __signature__) or any other callable is
    inspected at every call."""
    if type(func) is not types.FunctionType or hasattr(func, "__wrapped__") or hasattr(func, "__signature__"):
        import inspect
        return inspect.signature(func).parameters
    names = _parameters.get(func)
    if names is None:
        code = func.__code__
        count = (code.co_argcount + code.co_kwonlyargcount
                 + bool(code.co_flags & CO_VARARGS) + bool(code.co_flags & CO_VARKEYWORDS))
        names = _parameters[func] = frozenset(code.co_varnames[:count])
    return names


def import_function(module, func):
    mod = importlib.import_module(module)
    return getattr(mod, func)


def inspect_activity(request):
    """validate_python_activity: the module imports, exposes a plain function, the arguments bind."""
    import inspect
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
        params = parameter_names(func)
        # the service sends configuration and secrets only to functions that declare them ("ctx" in the answer):
        # a "lean" request for one that does (new, or replaced at run time) is sent again in full
        declares = "configuration" in params or "secrets" in params
        if declares and "lean" in request:
            return {"resend": 1}
        if "scopes" in request and "secrets" in params:
            secrets = request.get("secrets") or {}
            arguments["secrets"] = {}
            for s in request["scopes"]:
                arguments["secrets"].update(secrets.get(s, {}).copy())
        if "configuration" in params:
            arguments["configuration"] = dict(request.get("configuration") or {})
    except Exception as x:  # noqa: BLE001 - outside the call: a crash, as under chaoslib
        return {"crash": {"type": qualified_type(x), "message": str(x)}}
    try:
        response = {"output": func(**arguments)}
    except Exception as x:  # noqa: BLE001 - wrap any user-code exception
        import traceback
        failed = ActivityFailed(exception_only(x))
        lines = traceback.format_exception(type(x), x, x.__traceback__.tb_next or x.__traceback__)
        lines.append("\nDuring handling of the above exception, another exception occurred:\n\n")
        lines.extend(traceback.format_exception_only(type(failed), failed))
        response = {"failed": {"message": str(failed), "exception": lines}}
    if declares:
        response["ctx"] = 1
    return response


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
        params = parameter_names(func)
        for key, value in passed.items():
            if key in params:
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


class Requests:
    """Lines of stdin, read with os.read under a lock by whichever thread is the reader at the moment. End of
    input (the service closed the pipe or died) ends the process at once, whatever still runs."""

    def __init__(self, fd):
        self.fd = fd
        self.lock = threading.Lock()
        self.buffer = bytearray()
        self.put_back = []

    def next_line(self):
        """The next line; blocks until one has arrived."""
        with self.lock:
            return self.read(False)

    def read(self, only_if_ready):
        """With the lock held: a line; with only_if_ready, None unless a line is buffered or input is waiting."""
        if self.put_back:
            return self.put_back.pop(0)
        while b"\n" not in self.buffer:
            if only_if_ready and not select.select([self.fd], [], [], 0)[0]:
                return None
            chunk = os.read(self.fd, 65536)
            if not chunk:
                os._exit(0)  # the service closed the pipe (or died): stop whatever still runs
            self.buffer += chunk
            only_if_ready = False  # a line has begun: the rest of it follows
        index = self.buffer.index(b"\n")
        line = bytes(self.buffer[:index])
        del self.buffer[:index + 1]
        return line

    def waiting(self):
        with self.lock:
            return bool(self.put_back) or b"\n" in self.buffer


class Worker:
    """The main thread reads a request and runs it itself when idle (as chaoslib runs foreground activities in
    its main thread), without handing it to another thread; while it is busy, a watcher thread reads stdin and
    gives each concurrent request (a background activity) a thread of its own, and notices the end of input."""

    def __init__(self, protocol_out, requests):
        self.out = protocol_out
        self.lock = threading.Lock()
        self.requests = requests
        self.state = threading.Condition()
        self.main_busy = False
        self.generation = 0  # counts the main thread's requests
        self.parked = False  # the watcher sleeps until woken

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

    def watch(self):
        """While the main thread is busy with one request for a while: read what arrives; a request goes to a
        thread of its own, or back to the main thread when it has become idle meanwhile. Short calls do not wake
        this thread (a wake-up per call cost more than the call): while requests come it looks every POLL seconds,
        and after a quiet second it sleeps until the main thread wakes it."""
        looked_at = None  # the busy request seen at the last look
        quiet = 0
        while True:
            with self.state:
                if self.main_busy:
                    quiet = 0
                else:
                    quiet += 1
                    if quiet * POLL >= 1:
                        self.parked = True
                        while not self.main_busy:
                            self.state.wait()
                        self.parked = False
                        quiet = 0
                busy = self.generation if self.main_busy else None
            if busy is None or busy != looked_at:
                looked_at = busy
                time.sleep(POLL)
                continue
            # busy with the same request since the last look: watch its input
            if not self.requests.waiting():
                select.select([self.requests.fd], [], [], 0.05)  # the timeout re-checks whether main is still busy
            with self.requests.lock:  # held until decided, so that the main thread is not reading meanwhile
                line = self.requests.read(only_if_ready=True)
                if line is None or not line.strip():
                    continue
                with self.state:
                    if not self.main_busy:
                        self.requests.put_back.append(line)
                        continue
            threading.Thread(target=self.handle, args=(json.loads(line),), daemon=True).start()

    def serve(self):
        threading.Thread(target=self.watch, daemon=True).start()
        self.send({"ready": os.getpid(), "python": sys.version.split()[0], "executable": sys.executable})
        while True:
            line = self.requests.next_line()
            if not line.strip():
                continue
            with self.state:
                self.main_busy = True
                self.generation += 1
                if self.parked:
                    self.state.notify()
            try:
                self.handle(json.loads(line))
            finally:
                with self.state:
                    self.main_busy = False


def main():
    protocol_out = os.fdopen(os.dup(1), "w", encoding="utf-8", newline="\n")
    os.dup2(2, 1)  # prints of the called code (and of its child processes) must not break the protocol
    Worker(protocol_out, Requests(sys.stdin.fileno())).serve()


if __name__ == "__main__":
    main()
