"""python -m kgraph"""

from .cli import main

main()
