"""Evidence packages for prosecutors: BagIt bags a court can check without the database that made them."""
