"""store_registration, registration_documents(+_chunks): the store's registration form and its
scanned documents, sealed like recordings

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 09:00:00
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # One row: the form is saved as the admin types, so a wizard closed half-way (or a till
    # restarted) opens where it was. Status starts as a draft; nothing is sent before "Submit".
    op.execute(
        """
        CREATE TABLE store_registration (
            id INTEGER NOT NULL PRIMARY KEY,
            legal_name VARCHAR(300) NOT NULL DEFAULT '',
            bin VARCHAR(20) NOT NULL DEFAULT '',
            legal_address VARCHAR(500) NOT NULL DEFAULT '',
            contact_name VARCHAR(200) NOT NULL DEFAULT '',
            phone VARCHAR(40) NOT NULL DEFAULT '',
            email VARCHAR(254) NOT NULL DEFAULT '',
            page INTEGER NOT NULL DEFAULT 0,
            status VARCHAR(16) NOT NULL DEFAULT 'draft',
            reason TEXT,
            updated_at DATETIME NOT NULL,
            submitted_at DATETIME,
            sent_at DATETIME,
            checked_at DATETIME
        )
        """
    )
    # Documents hold only ciphertext: each is sealed in chunks under its own data key, which
    # lives in the key file (keys.sqlite) like a recording's, so deleting it shreds the scan.
    op.execute(
        """
        CREATE TABLE registration_documents (
            id VARCHAR(36) NOT NULL PRIMARY KEY,
            media_type VARCHAR(32) NOT NULL,
            file_name VARCHAR(255) NOT NULL,
            size BIGINT NOT NULL,
            chunks INTEGER NOT NULL,
            thumbnail BLOB,
            added_at DATETIME NOT NULL,
            sent_at DATETIME
        )
        """
    )
    op.execute(
        """
        CREATE TABLE registration_document_chunks (
            document_id VARCHAR(36) NOT NULL
                REFERENCES registration_documents (id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            final BOOLEAN NOT NULL,
            blob BLOB NOT NULL,
            PRIMARY KEY (document_id, idx)
        )
        """
    )


def downgrade() -> None:
    op.execute("DROP TABLE registration_document_chunks")
    op.execute("DROP TABLE registration_documents")
    op.execute("DROP TABLE store_registration")
