# Released together with author-certificates and @author-certificates/frontend, same version.
__version__ = "0.1.0"
