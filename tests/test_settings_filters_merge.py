"""settings/common.py adds our filter steps to the host's OPEN_EDX_FILTERS_CONFIG without clobbering it."""

from __future__ import annotations

import types

from author_certificates.settings.common import FILTER_STEPS, merged_filters_config, plugin_settings

RENDER = "org.openedx.learning.certificate.render.started.v1"
CREATION = "org.openedx.learning.certificate.creation.requested.v1"
OUR_RENDER = FILTER_STEPS[RENDER]
OUR_CREATION = FILTER_STEPS[CREATION]


def test_without_a_host_config_our_steps_fail_silently():
    assert merged_filters_config(None) == {
        RENDER: {"pipeline": [OUR_RENDER], "fail_silently": True},
        CREATION: {"pipeline": [OUR_CREATION], "fail_silently": True},
    }


def test_the_hosts_steps_come_first_and_its_fail_silently_and_extra_keys_are_kept():
    host = {RENDER: {"pipeline": ["host.A", "host.B"], "fail_silently": False, "log_level": "debug"},
            "org.openedx.learning.student.login.requested.v1": {"pipeline": ["host.Login"], "fail_silently": False}}

    merged = merged_filters_config(host)

    assert merged[RENDER] == {"pipeline": ["host.A", "host.B", OUR_RENDER], "fail_silently": False,
                              "log_level": "debug"}
    assert merged["org.openedx.learning.student.login.requested.v1"] == host[
        "org.openedx.learning.student.login.requested.v1"]
    assert host[RENDER]["pipeline"] == ["host.A", "host.B"]  # the host's dict is not mutated


def test_list_and_string_forms_become_dicts_that_keep_the_hosts_steps():
    merged = merged_filters_config({RENDER: ["host.A"], CREATION: "host.C"})

    assert merged[RENDER] == {"pipeline": ["host.A", OUR_RENDER], "fail_silently": True}
    assert merged[CREATION] == {"pipeline": ["host.C", OUR_CREATION], "fail_silently": True}


def test_merging_twice_adds_our_steps_once():
    once = merged_filters_config({RENDER: {"pipeline": ["host.A"], "fail_silently": False}})

    assert merged_filters_config(once) == once


def test_plugin_settings_sets_the_merged_config_on_the_settings_module():
    module = types.SimpleNamespace(OPEN_EDX_FILTERS_CONFIG={RENDER: {"pipeline": ["host.A"], "fail_silently": False}},
                                   AUTHOR_CERTIFICATES_TENANTS={"acme": {"orgs": ["AcmeX"]}})

    plugin_settings(module)

    assert module.OPEN_EDX_FILTERS_CONFIG[RENDER]["pipeline"] == ["host.A", OUR_RENDER]
    assert module.AUTHOR_CERTIFICATES_TENANTS == {"acme": {"orgs": ["AcmeX"]}}
    assert module.AUTHOR_CERTIFICATES_DEFAULT_TENANT == "default"
