"""Official reference data (INSEE/COG communes, EPCI, cantons, councillors) for département 62."""
