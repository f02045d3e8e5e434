"""A control written for dqualizer-ctk's tests: records every hook, as the control of ctk-semantics.md §10.1 does,
and hands the record over in the journal (after_experiment_control may add keys to it)."""
from chaoslib.exceptions import InterruptExecution

calls = []
cleanup_file = None


def _label(arguments):
    return arguments.get("label", "")


def configure_control(configuration=None, secrets=None, settings=None, experiment=None, **arguments):
    global cleanup_file
    calls.append("configure_control" + _label(arguments))
    cleanup_file = arguments.get("cleanup_file") or cleanup_file


def before_experiment_control(context, **arguments):
    calls.append("before_experiment_control " + context["title"] + _label(arguments))


def after_experiment_control(context, state, **arguments):
    calls.append("after_experiment_control " + state["status"] + _label(arguments))
    state["control_calls"] = list(calls)


def before_hypothesis_control(context, **arguments):
    calls.append("before_hypothesis_control " + context["title"] + _label(arguments))


def after_hypothesis_control(context, state, **arguments):
    calls.append("after_hypothesis_control " + str(state["steady_state_met"]) + _label(arguments))


def before_method_control(context, **arguments):
    calls.append("before_method_control" + _label(arguments))


def after_method_control(context, state, **arguments):
    calls.append("after_method_control " + str(len(state)) + _label(arguments))


def before_rollback_control(context, **arguments):
    calls.append("before_rollback_control" + _label(arguments))


def after_rollback_control(context, state, **arguments):
    calls.append("after_rollback_control " + str(len(state)) + _label(arguments))


def before_activity_control(context, configuration=None, **arguments):
    calls.append("before_activity_control " + context["name"] + _label(arguments))
    if arguments.get("interrupt_on") == context["name"]:
        raise InterruptExecution("stop here")
    if arguments.get("fail_on") == context["name"]:
        raise RuntimeError("a failing control is ignored")
    if arguments.get("set_configuration") and configuration is not None:
        configuration["from_control"] = arguments["set_configuration"]


def after_activity_control(context, state, **arguments):
    calls.append("after_activity_control " + context["name"] + " " + (state["status"] if state else "None")
                 + _label(arguments))


def cleanup_control():
    """Gets no arguments at all: what it needs was kept from configure_control (module state)."""
    calls.append("cleanup_control")
    if cleanup_file:
        with open(cleanup_file, "a") as f:
            f.write("cleanup_control\n")
