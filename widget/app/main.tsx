// placeholder: the widget app is being written
export {};
