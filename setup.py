"""Packaging for author-certificates, an Open edX plugin (LMS + Studio)."""

import os
import re

from setuptools import find_packages, setup

HERE = os.path.dirname(os.path.abspath(__file__))


def read(*parts: str) -> str:
    with open(os.path.join(HERE, *parts), encoding="utf-8") as handle:
        return handle.read()


def requirements_from(path: str) -> list[str]:
    """Read the loose run-time requirements (the .in file): pins belong to deployments."""
    lines = []
    for line in read(path).splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith(("-c", "-r")):
            lines.append(line)
    return lines


VERSION = re.search(r'^__version__ = "([^"]+)"', read("author_certificates", "__init__.py"), re.M).group(1)

setup(
    name="author-certificates",
    version=VERSION,
    description="Author-designed, versioned certificates for Open edX: design in Studio, assign in the LMS, generate once.",
    long_description=read("README.md"),
    long_description_content_type="text/markdown",
    license="AGPL-3.0-only",
    packages=find_packages(include=["author_certificates", "author_certificates.*"]),
    include_package_data=True,
    python_requires=">=3.12",
    install_requires=requirements_from("requirements/base.in"),
    entry_points={
        "lms.djangoapp": ["author_certificates = author_certificates.apps:AuthorCertificatesConfig"],
        "cms.djangoapp": ["author_certificates = author_certificates.apps:AuthorCertificatesConfig"],
        "xblock.v1": ["author_certificate = author_certificates.xblock.block:AuthorCertificateXBlock"],
    },
    classifiers=[
        "Framework :: Django",
        "Framework :: Django :: 5.2",
        "Programming Language :: Python :: 3.12",
        "Programming Language :: Python :: 3.13",
    ],
    zip_safe=False,
)
