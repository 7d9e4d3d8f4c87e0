"""Online cash register clients (fiscal registration): one interface, one module per service."""
