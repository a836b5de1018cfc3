"""Domain core: entities, rules and state machines, standard library only."""
