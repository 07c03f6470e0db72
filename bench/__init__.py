"""`make bench`: every figure of docs/decisions/0075, measured as operators run the product.

PostgreSQL with durable commits, a real prefork Celery worker on Redis started here, a quiet
and a loaded machine. `bench/run.py` prints every figure beside its target; each module below
measures one thing.
"""
