// The translations library holds only resources (the compiled .qm files); this gives it one object.
namespace radiocode {
int translationsAnchor = 0;
}
