# PhotoVeil — English (the reference language; every key here must exist in every language).

## Categories of what a photo gives away
category-location = Location
category-device = Device
category-person = Person
category-time = Time
category-hidden = Hidden content

## Severities
severity-low = low
severity-medium = medium
severity-high = high

## What each finding means, in plain words
finding-gps-position = This photo records where it was taken.
finding-gps-detail = GPS details: altitude, direction or speed where the photo was taken.
finding-gps-time = The GPS receiver's date and time when the photo was taken.
finding-place-name = A written place name: city, country or a more exact spot.
finding-device-model = The make and model of the camera or phone.
finding-serial-number = A serial number that identifies one single camera, lens or phone; it links all photos made with it.
finding-software = The program or firmware that made or edited the file.
finding-unique-id = An ID unique to this picture; it links copies and edits of it together.
finding-owner-name = The name of the owner, author or photographer.
finding-copyright = A copyright notice, often with a name.
finding-contact-details = Contact details: e-mail, phone, address or web site.
finding-caption = A caption, title or keywords someone wrote; they may name people or places.
finding-named-person-region = A face or person in the photo is marked with a name.
finding-person-region = Faces or people in the photo are marked.
finding-date-taken = When the photo was taken.
finding-date-modified = When the file was made or changed.
finding-time-zone = The time zone of the device, which hints at the country.
finding-thumbnail = A small preview picture hidden in the file; it can show the photo before it was cropped or edited.
finding-extra-images = More pictures hidden in the same file.
finding-motion-photo = A short video hidden in the photo ("motion photo"), often with sound.
finding-trailing-data = Data hidden after the end of the picture.
finding-text-chunk = Text stored inside the file.
finding-comment = A comment stored inside the file.
finding-maker-note = The maker's private data block, which often holds serial numbers.
finding-edit-history = Edit history: which programs changed the file, and when.
finding-other-metadata = Other hidden data blocks.
